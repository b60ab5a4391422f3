/**
 * The local run's stand-in for the brand's login (laxin.h5.login=demo): the gateway lists demo end users at
 * /h5/demo/users and mints a token for the one picked at /h5/demo/login. Not part of the suite's API (the SDK is for
 * that); production never has these endpoints.
 */
export interface DemoUser { id: string; name: string }

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const r = await fetch('/h5/demo/users', { cache: 'no-store' })
  if (!r.ok) throw new Error(`/h5/demo/users: ${r.status}`)
  return (await r.json()) as DemoUser[]
}

export async function demoLogin(userId: string): Promise<string> {
  const r = await fetch('/h5/demo/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }),
  })
  if (!r.ok) throw new Error(`/h5/demo/login: ${r.status}`)
  return ((await r.json()) as { accessToken: string }).accessToken
}
