/**
 * A due date's explanation as HTML, for the public case page and staff screens (requests, messages): each
 * day counted, each weekend or holiday skipped, each make-up day, each pause and restart, the extension.
 * Same sentences as the CLI (`explanationLinesZh`), in an ordered list; a provisional result says so first.
 */
import { type Explanation, PROVISIONAL_NOTE_ZH, explanationLinesZh } from '../explain.js';

export function ExplanationView(props: { explanation: Explanation; headingLevel?: 2 | 3; id?: string }) {
  const e = props.explanation;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const id = props.id ?? 'due-date-explanation';
  return (
    <section class="explanation" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>期限计算说明：{e.title}</Heading>
      {e.provisional && (
        <p class="warning" role="note">
          {PROVISIONAL_NOTE_ZH}
        </p>
      )}
      <ol>
        {explanationLinesZh(e).map((line) => (
          <li>{line}</li>
        ))}
      </ol>
    </section>
  );
}
