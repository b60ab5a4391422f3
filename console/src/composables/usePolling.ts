import { onBeforeUnmount } from 'vue'

/** Calls `tick` every `ms` until it answers true (done) or the page goes away. */
export function usePolling() {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  function start(tick: () => Promise<boolean>, ms = 1000): void {
    stop()
    stopped = false
    const loop = async () => {
      if (stopped) return
      let done = false
      try {
        done = await tick()
      } catch {
        done = false
      }
      if (!done && !stopped) timer = setTimeout(loop, ms)
    }
    void loop()
  }

  function stop(): void {
    stopped = true
    if (timer) clearTimeout(timer)
    timer = null
  }

  onBeforeUnmount(stop)
  return { start, stop }
}
