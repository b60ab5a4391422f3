import { ref, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { asProblem, type LaxinProblem } from '@/laxin'
import { signOut } from '@/session'

export interface Load<T> {
  data: Ref<T | null>
  loading: Ref<boolean>
  problem: Ref<LaxinProblem | null>
  reload: () => Promise<void>
}

/**
 * Loads what a page shows through the SDK. A refused token (401: expired or invalid) signs the user out and shows the
 * sign-in empty state with a message; any other failure is kept as a problem the page shows with a retry.
 */
export function useLoad<T>(fetcher: () => Promise<T>): Load<T> {
  const router = useRouter()
  const data = ref<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const problem = ref<LaxinProblem | null>(null)
  async function reload(): Promise<void> {
    loading.value = true
    problem.value = null
    try {
      data.value = await fetcher()
    } catch (e) {
      const p = asProblem(e)
      if (p.status === 401) {
        signOut('expired')
        await router.replace({ name: 'signin' })
        return
      }
      problem.value = p
    } finally {
      loading.value = false
    }
  }
  return { data, loading, problem, reload }
}
