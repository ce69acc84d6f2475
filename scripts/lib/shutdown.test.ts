import { describe, expect, it, vi } from 'vitest';
import { Shutdown } from './shutdown';

describe('Shutdown', () => {
  it('stops everything once, the last started first, even when one closer fails', async () => {
    const stopped: string[] = [];
    const shutdown = new Shutdown();
    shutdown.add('the preview server', () => stopped.push('server'));
    shutdown.add('the browser', async () => {
      stopped.push('browser');
      throw new Error('already closed');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await Promise.all([shutdown.run(), shutdown.run()]);
    await shutdown.run();
    expect(stopped).toEqual(['browser', 'server']);
    expect(error).toHaveBeenCalledWith('could not stop the browser: already closed');
    error.mockRestore();
  });
});
