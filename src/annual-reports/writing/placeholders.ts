/** Draft markers left in the text (【待填写：…】): the report is not finished while any remain. */
import { partIds, partLabel, type Narrative } from '../narrative.js';
import { PLACEHOLDER } from './draft.js';
import type { WritingWarning } from './narrative-numbers.js';

export function placeholderWarnings(narrative: Narrative): WritingWarning[] {
  return partIds
    .filter((id) => narrative[id].match(PLACEHOLDER))
    .map((partId) => ({
      code: 'placeholder' as const,
      partId,
      message: `${partLabel(partId)}还有“待填写”的内容。`,
    }));
}
