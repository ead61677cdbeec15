import { say } from '../../schemas/messages.ts';

/**
 * Spreadsheet cells that cannot run as formulas ("CSV injection"). Excel and LibreOffice read a
 * cell of a CSV file that begins with `=`, `+`, `-` or `@` (or a tab or a carriage return, which
 * they skip before such a character) as a formula, which can fetch data or run commands. As
 * OWASP recommends, every text cell of every tabular export (`partners.csv`, `partners.xlsx`)
 * that begins with one of these characters is written with a single quote before it: the
 * spreadsheet shows it as text. The spreadsheet import removes that quote again, so that an
 * exported value comes back exactly as it was.
 *
 * A value that already begins with quotes followed by such a character (`'=x`) gets one quote
 * more on export and loses one on import: the two functions are exact inverses, whatever the text.
 * Numbers are not text: a negative longitude stays the number -47.9. A line feed counts too: an
 * .xlsx file is XML, which turns a carriage return into a line feed, so that a cell written with
 * `'\r` is read back as `'\n` and must still lose its quote. The full-width forms of the
 * four characters count too: Apple Numbers folds them into the ASCII ones (as csv-stringify's
 * `escape_formulas` found).
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 * @see https://github.com/adaltas/node-csv/pull/387
 */

/** The characters that make a spreadsheet read a cell as a formula when they begin it. */
export const formulaTriggers = [
	'=',
	'+',
	'-',
	'@',
	'\t',
	'\r',
	'\n',
	'\uFF1D',
	'\uFF0B',
	'\uFF0D',
	'\uFF20',
] as const;

/** Quotes (none or more) before a character that starts a formula. */
const triggered = /^'*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A neutralised cell: a quote, then quotes (none or more) and a character that starts a formula. */
export const neutralizedCell = /^''*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell as it is safe to write in a spreadsheet: with a leading `'` if it would otherwise
 * start a formula.
 * @example neutralizeCell('=HYPERLINK("http://evil")') // `'=HYPERLINK("http://evil")`
 * @example neutralizeCell('+33466785160') // "'+33466785160"
 * @example neutralizeCell('Alès') // 'Alès'
 */
export function neutralizeCell(text: string): string {
	return triggered.test(text) ? `'${text}` : text;
}

/** Whether a text cell was neutralised by `neutralizeCell` (it starts with `'` then a trigger). */
export function isNeutralized(text: string): boolean {
	return neutralizedCell.test(text);
}

/**
 * The text of a cell as it was before `neutralizeCell`: one protective quote less.
 * @example restoreCell("'+33466785160") // '+33466785160'
 * @example restoreCell("'s-Hertogenbosch") // "'s-Hertogenbosch" (no formula character after the quote)
 */
export function restoreCell(text: string): string {
	return isNeutralized(text) ? text.slice(1) : text;
}

/**
 * What the import says of a cell it does not read: a formula (never run) or a spreadsheet error,
 * in the language of the messages.
 */
export function unreadCellMessage(cell: { formula: string } | { error: string }): string {
	return 'formula' in cell
		? say({
				en: `expected a value, got a formula (${cell.formula}): the import never runs formulas; type the value, or paste "values only"`,
				fr: `attendu : une valeur ; trouvé : une formule (${cell.formula}) — l’import n’exécute jamais de formule ; saisissez la valeur, ou collez « valeurs seulement »`,
			})
		: say({
				en: `expected a value, got the spreadsheet error ${cell.error}`,
				fr: `attendu : une valeur ; trouvé : l’erreur de tableur ${cell.error}`,
			});
}
