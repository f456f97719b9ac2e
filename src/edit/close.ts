import { isMap, isScalar } from 'yaml';
import {
  applySplices,
  CheckinEditError,
  checkedEdit,
  columnOf,
  lineAfter,
  openForEdit,
  pairEnd,
  pairOf,
  rangeOf,
  type Splice,
} from './checkin.js';

/*
 * Closing a cycle adds one line to each of its files, `closed: DATE`, right after `cycle:`, and
 * touches no other byte: the file's comments and layout stay as they were. As with a check-in, the
 * result is parsed again and must hold exactly the old data plus `closed`.
 */

/** The text of an OKR file with `closed: date` added after its `cycle:`; the file must not be closed yet. */
export function applyClose(fileText: string, date: string): string {
  const file = openForEdit(fileText);
  const { src, doc } = file;
  const text = src.text;
  const top = doc.contents;
  if (!isMap(top)) throw new CheckinEditError('the file is not a mapping; run "okr check" and fix it first');
  if (pairOf(top, 'closed')) throw new CheckinEditError('the file is closed already');
  const cycle = pairOf(top, 'cycle') ?? top.items.at(-1);
  if (!cycle || !isScalar(cycle.key)) throw new CheckinEditError('the file has no "cycle"');
  const line = `closed: ${date}`;
  const splice: Splice = top.flow
    ? { at: pairEnd(cycle), remove: 0, insert: `, ${line}` }
    : lineAfter(src, pairEnd(cycle), ' '.repeat(columnOf(text, rangeOf(cycle.key)[0])) + line);
  return checkedEdit(
    file,
    applySplices(text, [splice]),
    { ...(doc.toJS() as Record<string, unknown>), closed: date },
    '"closed:" cannot be added without changing other parts of the file (an unusual layout around "cycle:"); add the line by hand',
  );
}
