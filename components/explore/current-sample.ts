/**
 * The sample an answer was kept in, as it stands now. A later Fetch all or Next page may
 * have replaced it since the answer arrived: the samples list (refetched after every
 * change) then holds a newer summary, and paging continues from that one.
 */
import type { SampleSummary } from "@/lib/builder/contracts";

export function currentSample(fromAnswer: SampleSummary, list: readonly SampleSummary[] | undefined): { sample: SampleSummary; changedSince: boolean } {
  const listed = list?.find((s) => s.endpoint === fromAnswer.endpoint);
  // Not listed yet: the list is refetching after this very answer.
  if (!listed || Date.parse(listed.updatedAt) <= Date.parse(fromAnswer.updatedAt)) return { sample: fromAnswer, changedSince: false };
  return { sample: listed, changedSince: true };
}
