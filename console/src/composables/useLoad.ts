import { onMounted, ref } from 'vue'
import { ProblemError } from '@/api/http'

/** The server's truth for a page: loaded on mount, reloaded after each write; errors shown, never swallowed. */
export function useLoad<T>(load: () => Promise<T>, immediate = true) {
  const data = ref<T | null>(null)
  const loading = ref(false)
  const error = ref<ProblemError | null>(null)

  async function reload(): Promise<void> {
    loading.value = true
    try {
      data.value = (await load()) as T
      error.value = null
    } catch (e) {
      if (e instanceof ProblemError) error.value = e
      else throw e
    } finally {
      loading.value = false
    }
  }

  if (immediate) onMounted(reload)
  return { data, loading, error, reload }
}
