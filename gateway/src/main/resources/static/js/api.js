// Calls to the gateway. Every refusal becomes an ApiError carrying the problem+json body, so pages can show field
// errors beside their fields and everything else in the user's language.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** [{field, message}] from the problem's errors, if any. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** fetch with JSON in and out; options.token adds the organizer's bearer token, options.link a personal link. */
export async function api(path, { method = 'GET', body, token, link, headers = {}, raw = false } = {}) {
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  if (token) {
    sent.Authorization = 'Bearer ' + token;
  }
  if (link) {
    sent['X-Registration-Token'] = link;
  }
  let response;
  try {
    response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null, null);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
  if (raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** What to tell a user about a refusal that is not about one field, in their language. */
export function describe(error) {
  if (!(error instanceof ApiError)) {
    return t('err.server', { status: '?' });
  }
  if (error.status === 0) {
    return t('err.network');
  }
  if (error.status === 429) {
    return t('err.rateLimited', { s: error.retryAfter || 60 });
  }
  if (error.status === 503 || error.status === 504) {
    return t('err.unavailable');
  }
  if (error.status >= 500) {
    return t('err.server', { status: error.status });
  }
  return error.problem.detail || error.problem.title || t('err.server', { status: error.status });
}

// The services answer in English; the messages they use for fields are known, so users read them in their language.
const SERVER_MESSAGES = [
  [/^must not be (blank|null|empty)$/, 'err.required'],
  [/^must be a well-formed email address$/, 'err.email'],
  [/^must be a mobile number/, 'err.phone'],
  [/^is required to receive SMS( or WhatsApp messages)?$/, 'err.phoneForTexts'],
  [/^is the same as another person's in this registration$/, 'err.emailTwice'],
  [/^must be accepted to register$/, 'err.consent'],
  [/^unknown convoy$/, 'err.convoy'],
  [/^must be one of Mexico's 32/, 'err.choose'],
  [/^must be plain text/, 'err.plainText'],
  [/^cannot receive texts from the platform/, 'err.phoneNotTextable'],
];

/** The dictionary key for a server's field message, or null when it is not one we know. */
export function fieldMessageKey(message) {
  for (const [pattern, key] of SERVER_MESSAGES) {
    if (pattern.test(message || '')) {
      return key;
    }
  }
  return /^size must be between/.test(message || '') ? 'err.tooLong' : null;
}
