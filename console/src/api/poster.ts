import { http, request } from './http'

export interface QrBox {
  x: number; y: number; size: number; quietZone?: number | null; errorCorrection?: 'L' | 'M' | 'Q' | 'H' | null
  foreground?: string | null; background?: string | null; logoSize?: number | null
  kind?: 'QR' | 'MINI_PROGRAM' | null; miniProgramPage?: string | null
}
export interface AvatarBox { x: number; y: number; size: number; shape: 'CIRCLE' | 'ROUNDED' }
export interface NicknameBox { x: number; y: number; maxWidth: number; fontSize: number; color: string }
export interface TextLine { text: string; x: number; y: number; maxWidth: number; fontSize: number; color: string }
export interface Layout { qr: QrBox; avatar: AvatarBox | null; nickname: NicknameBox | null; texts: TextLine[] }
export interface TemplateVersion {
  templateId: number; version: number; name: string; width: number; height: number; backgroundFormat: string
  backgroundSha256: string; hasLogo: boolean; layout: Layout; createdBy: string; createdAt: string
}
export interface TemplateSummary { templateId: number; name: string; latestVersion: number; createdAt?: string; updatedAt?: string }
export interface TemplateRequest { name: string; background?: string | null; logo?: string | null; layout: Layout }
export interface PregenJob {
  jobId: number; campaignId: number; templateId: number; templateVersion: number; format: string; top: number | null
  status: 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED'; total: number; done: number; failed: number; lastError: string | null
  createdAt: string; finishedAt: string | null
}

const base = '/api/v1/admin/posters'

export const posterApi = {
  templates: () => http.get<TemplateSummary[]>(`${base}/templates`),
  template: (id: number, version?: number) => http.get<TemplateVersion>(`${base}/templates/${id}`, { version }),
  create: (t: TemplateRequest, key: string) => http.post<TemplateVersion>(`${base}/templates`, t, key),
  addVersion: (id: number, t: TemplateRequest, key: string) => http.post<TemplateVersion>(`${base}/templates/${id}/versions`, t, key),
  background: (id: number, version: number) => http.blob(`${base}/templates/${id}/background`, { version }),
  preview: (id: number, version: number) => http.blob(`${base}/templates/${id}/preview`, { version, format: 'png' }),
  previewDraft: (t: TemplateRequest) => request<Blob>('POST', `${base}/templates/preview`, { body: t, query: { format: 'png' }, as: 'blob' }),
  startJob: (j: { campaignId: number; templateId: number; format: string; top?: number; users?: { userId: string }[] }, key: string) =>
    http.post<PregenJob>(`${base}/jobs`, j, key),
  jobs: () => http.get<PregenJob[]>(`${base}/jobs`),
  job: (id: number) => http.get<PregenJob>(`${base}/jobs/${id}`),
}
