/**
 * The one shape of a form POST (post/redirect/get): run the use case; on success answer 303 to the next page;
 * when the use case refuses the form (`validation.failed`, or the route's own refusal codes) answer with the form
 * again — the route's `again` renders it with the submitted values, the DomainError's field messages and its
 * message as the error summary, and the status the route uses (422 as a rule). Any other error propagates to
 * the error handler (src/web/error-handler.tsx).
 *
 *   app.post('/admin/things', async (request, reply) =>
 *     formRoute(reply, {
 *       run: () => saveThing(ctx, requireUser(request).actor, request.body ?? {}),
 *       redirect: ({ id }) => `/admin/things/${id}?saved=1`,
 *       again: (e) => sendAdminPage(reply, request, '事项', thingForm(request.body, e.fields, e.message), 422),
 *     }));
 */
import type { FastifyReply } from 'fastify';
import { DomainError } from '../platform/errors.js';

interface FormRoute<T> {
  /** The use case, called with the parsed form. */
  run: () => Promise<T>;
  /** Where to go when it succeeds; answered with 303 See Other. */
  redirect: (result: T) => string;
  /** The form again for a refusal: values as submitted, `e.fields` beside the fields, `e.message` as the summary. */
  again: (e: DomainError) => unknown;
  /** The DomainError codes that mean "show the form again"; `validation.failed` unless the route says more. */
  refusals?: readonly string[];
}

const VALIDATION = ['validation.failed'] as const;

/** True for a DomainError whose code is one of `codes` (`validation.failed` by default). */
const isRefusal = (e: unknown, codes: readonly string[] = VALIDATION): e is DomainError =>
  e instanceof DomainError && codes.includes(e.code);

export async function formRoute<T>(reply: FastifyReply, route: FormRoute<T>): Promise<unknown> {
  let result: T;
  try {
    result = await route.run();
  } catch (e) {
    if (!isRefusal(e, route.refusals)) throw e;
    return route.again(e);
  }
  return reply.redirect(route.redirect(result), 303);
}
