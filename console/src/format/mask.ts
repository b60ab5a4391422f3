/**
 * Phone numbers stay masked as the server sends them (138****1234). Anything that still looks like a whole
 * mainland mobile number is masked here too, so no page ever shows one in full.
 */
export function maskPhone(value: string | null | undefined): string {
  if (!value) return '—'
  return value.replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2')
}
