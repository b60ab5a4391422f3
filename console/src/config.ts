/** The console's runtime settings, served by the gateway at /console/config.json (laxin.console.*). */
export interface ConsoleConfig {
  login: 'oidc' | 'demo'
  oidc: { issuer: string; clientId: string; scopes: string; audience: string; rolesClaim: string }
  timeZone: string
  locale: string
}

let loaded: ConsoleConfig | null = null

export async function loadConfig(): Promise<ConsoleConfig> {
  const r = await fetch('/console/config.json', { cache: 'no-store' })
  if (!r.ok) throw new Error(`config.json: ${r.status}`)
  loaded = (await r.json()) as ConsoleConfig
  return loaded
}

export function config(): ConsoleConfig {
  if (!loaded) throw new Error('config not loaded')
  return loaded
}
