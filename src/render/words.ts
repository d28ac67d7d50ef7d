/**
 * Small phrases of English legal text shared by the views and the template helpers: a list as
 * treaties join it, a State's name as a sentence reads it, a date as treaties write it. Pure.
 */

/** "A, B and C". */
export function joinList(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** Names of States that take the definite article in running text ("the Federative Republic of Brazil"). */
const ARTICLE_STATES = /^(republic|kingdom|federative|federal|people's|united|state of|commonwealth|islamic|democratic|arab|plurinational|bolivarian|socialist|grand duchy|principality|sultanate|union|czech|dominican|central african|netherlands|philippines|gambia|bahamas|holy see)/i;
/** "Argentine Republic", "Russian Federation", "United Arab Emirates" take it too. */
const ARTICLE_STATE_ENDINGS = /\b(republic|kingdom|federation|emirates|states|union|islands|confederation)$/i;
export function stateInText(name: string): string {
  return ARTICLE_STATES.test(name) || ARTICLE_STATE_ENDINGS.test(name) ? `the ${name}` : name;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-03-15` -> `15 March 2027`; no clock, no locale. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
