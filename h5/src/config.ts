/** The page's runtime settings, served by the gateway at /h5/config.json (laxin.h5.*). */
export interface H5Config {
  /** host: the brand's H5 opens the page with the user's token; demo: the local run's picker of demo users */
  login: 'host' | 'demo'
  /** the campaign shown when the link names none */
  campaignId: number | null
  timeZone: string
  locale: string
}

let loaded: H5Config | null = null

export async function loadConfig(): Promise<H5Config> {
  const r = await fetch('/h5/config.json', { cache: 'no-store' })
  if (!r.ok) throw new Error(`config.json: ${r.status}`)
  loaded = (await r.json()) as H5Config
  return loaded
}

export function config(): H5Config {
  if (!loaded) throw new Error('config not loaded')
  return loaded
}
