import { invalid, notFound, type Reply } from '../reply/reply.ts';

/** A query that did not answer: "Check that option" for a mistake in the question, "Nothing found" otherwise. */
export function refusal(failed: { message: string; suggestions: string[]; mistake?: true }): Reply {
  return failed.mistake ? invalid(failed.message) : notFound(failed.message, failed.suggestions);
}
