/**
 * Handing the exported personal data to the citizen (PIPL 第45条, 查阅复制权): a JSON file
 * download in a browser; in WeChat, where a mini program cannot save arbitrary files, the
 * clipboard (they can paste it into 文件传输助手 or a note).
 */
import Taro from '@tarojs/taro';

import { formatShanghai } from '@nuanxin/shared';

export type ExportOutcome =
  { kind: 'downloaded'; fileName: string } | { kind: 'copied' } | { kind: 'failed' };

export function exportFileName(exportedAt: string): string {
  return `暖心就业-我的登记信息-${formatShanghai(exportedAt, 'YYYYMMDD-HHmm')}.json`;
}

function download(json: string, fileName: string): boolean {
  if (typeof document === 'undefined' || typeof URL?.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

export async function saveExport(json: string, exportedAt: string): Promise<ExportOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    const fileName = exportFileName(exportedAt);
    try {
      if (download(json, fileName)) return { kind: 'downloaded', fileName };
    } catch {
      // Downloads blocked: the clipboard below still works.
    }
  }
  try {
    await Taro.setClipboardData({ data: json });
    return { kind: 'copied' };
  } catch {
    return { kind: 'failed' };
  }
}
