import { ref } from 'vue'
import { newKey, ProblemError } from '@/api/http'

/**
 * One Idempotency-Key per form submission: a double click does nothing twice (the second click is ignored while the
 * first is in flight, and the server would replay the first answer anyway), a retry of the same values after a
 * failure reuses the key, and changed values get a new one.
 */
export function useIdempotentSubmit<T, A>(send: (args: A, key: string) => Promise<T>) {
  const submitting = ref(false)
  const error = ref<ProblemError | null>(null)
  let last: { body: string; key: string } | null = null

  async function submit(args: A): Promise<T | undefined> {
    if (submitting.value) return undefined
    const body = JSON.stringify(args)
    const key = last && last.body === body ? last.key : newKey()
    last = { body, key }
    submitting.value = true
    error.value = null
    try {
      const result = await send(args, key)
      last = null
      return result
    } catch (e) {
      if (e instanceof ProblemError) {
        error.value = e
        // a refusal is final for these values; a network error may be retried with the same key
        if (e.code !== 'NETWORK_ERROR' && e.status < 500) last = null
        return undefined
      }
      throw e
    } finally {
      submitting.value = false
    }
  }

  return { submit, submitting, error }
}
