// Small helpers that build the DOM from data without ever parsing it as HTML: server data goes in as text only.

/** Creates an element: h('p', {class: 'note'}, 'text', child, …). Attributes are set one by one; text stays text. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'checked' || name === 'selected' || name === 'disabled' || name === 'value') {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content with the given children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return [...root.querySelectorAll(selector)];
}

export function show(el, visible = true) {
  el.hidden = !visible;
}

/** Shows a status line in a live region: kind is 'ok', 'error' or 'info'. */
export function say(region, text, kind = 'info') {
  region.className = 'status status-' + kind;
  region.textContent = text;
  region.hidden = !text;
}
