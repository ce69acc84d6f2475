import type { ModelInfo } from '@/worker/worker-api';

/**
 * The version that produced a result: the shipped model's, plus the id of the lab's adapted
 * weights when they were in use — so an exported differential says which weights counted it.
 */
export function effectiveModelVersion(info: Pick<ModelInfo, 'version'> & { readonly adaptationId?: string }): string {
  return info.adaptationId ? `${info.version}+${info.adaptationId}` : info.version;
}
