/** Words for Graph alert status values; an unrecognised value is shown as Graph sent it. */
const STATUS_WORDS: Record<string, string> = {
  new: 'New',
  inProgress: 'In progress',
  resolved: 'Resolved',
  unknown: 'Unknown',
}

export function alertStatusWord(status: string): string {
  return STATUS_WORDS[status] ?? status
}
