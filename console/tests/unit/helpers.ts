import { useIdempotentSubmit } from '@/composables/useIdempotentSubmit'

/** A submit whose sender records the Idempotency-Key of each call that reaches it. */
export function idempotentSubmitFor() {
  const keys: string[] = []
  const { submit } = useIdempotentSubmit(async (_: unknown, key: string) => {
    keys.push(key)
    await new Promise((r) => setTimeout(r, 5))
    return true
  })
  return { keys, submit }
}
