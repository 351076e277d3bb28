// The closed lists registration accepts (registration-service Vocabulary), with Mexico's 32 federal entities.
export const ROLES = ['MAYOR', 'STATE_REPRESENTATIVE', 'BUSINESS_DELEGATE', 'STAFF'];
export const SECTORS = ['FINTECH', 'AUTOMOTIVE', 'BIOMEDICAL', 'CINEMATOGRAPHY', 'DIASPORA_LINKS', 'AGRIBUSINESS', 'TOURISM', 'OTHER'];
export const AXES = ['ECONOMIC', 'COMMUNITIES', 'CREATIVE_INDUSTRIES', 'DIPLOMACY'];
export const CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP'];
/** The channels that reach a phone: choosing one needs a mobile number the platform may text. */
export const TEXT_CHANNELS = ['SMS', 'WHATSAPP'];
export const LANGUAGES = ['es', 'en'];
export const STATUSES = ['SUBMITTED', 'WAITLISTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

/** ISO 3166-2 code and the entity's own name (the same in both languages). */
export const STATES = [
  ['MX-AGU', 'Aguascalientes'], ['MX-BCN', 'Baja California'], ['MX-BCS', 'Baja California Sur'],
  ['MX-CAM', 'Campeche'], ['MX-CHP', 'Chiapas'], ['MX-CHH', 'Chihuahua'], ['MX-CMX', 'Ciudad de México'],
  ['MX-COA', 'Coahuila'], ['MX-COL', 'Colima'], ['MX-DUR', 'Durango'], ['MX-GUA', 'Guanajuato'],
  ['MX-GRO', 'Guerrero'], ['MX-HID', 'Hidalgo'], ['MX-JAL', 'Jalisco'], ['MX-MEX', 'Estado de México'],
  ['MX-MIC', 'Michoacán'], ['MX-MOR', 'Morelos'], ['MX-NAY', 'Nayarit'], ['MX-NLE', 'Nuevo León'],
  ['MX-OAX', 'Oaxaca'], ['MX-PUE', 'Puebla'], ['MX-QUE', 'Querétaro'], ['MX-ROO', 'Quintana Roo'],
  ['MX-SLP', 'San Luis Potosí'], ['MX-SIN', 'Sinaloa'], ['MX-SON', 'Sonora'], ['MX-TAB', 'Tabasco'],
  ['MX-TAM', 'Tamaulipas'], ['MX-TLA', 'Tlaxcala'], ['MX-VER', 'Veracruz'], ['MX-YUC', 'Yucatán'],
  ['MX-ZAC', 'Zacatecas'],
];

export function stateName(code) {
  const found = STATES.find(([id]) => id === code);
  return found ? found[1] : code || '';
}
