// Parent → child chains in the library detail: where this job was continued from, which jobs
// continue it, and the whole chain's videos as one ordered list of files (copy or download).
import { useEffect, useState } from 'react';
import type { ChainFile } from '../../../shared/contract';
import type { JobRecord } from '../../../shared/domain';
import { describeIpcError } from '../../api/errors';
import { copyText } from '../../components/clipboard';
import { CopyIcon, DownloadIcon } from '../../components/icons';
import { excerpt } from '../../components/format';
import { isFinalOf } from '../../../shared/finals';
import { MODELS } from '../../../shared/models';
import { Say, useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';

export function ChainPanel({ record }: { record: JobRecord }) {
  const { api, library, toasts } = useStores();
  // Any library change may add a child (a continuation finished elsewhere): read the chain again.
  const revision = useLibrary((s) => s.revision);
  const [chain, setChain] = useState<JobRecord[]>([]);
  const t = useT();

  useEffect(() => {
    let current = true;
    void api.library.chain({ id: record.id }).then((result) => {
      if (current) setChain(result.ok ? result.value.chain : []);
    });
    return () => {
      current = false;
    };
  }, [api, record.id, record.parentId, revision]);

  const parent = record.parentId ? chain.find((r) => r.id === record.parentId) : undefined;
  const children = chain.filter((r) => r.parentId === record.id);
  if (!record.parentId && children.length === 0) return null;

  const fileList = async (): Promise<ChainFile[] | undefined> => {
    const result = await api.library.chainList({ id: record.id });
    if (result.ok) return result.value.files;
    toasts.getState().error(describeIpcError(result.error, t('frames.chain.listFailed')));
    return undefined;
  };
  const copyList = async () => {
    const files = await fileList();
    if (!files) return;
    const ok = await copyText(chainListText(files));
    toasts.getState().push(
      ok ? { tone: 'success', title: t('frames.chain.copied', { count: files.length }) } : { tone: 'error', title: t('frames.chain.copyFailed') },
    );
  };
  const downloadList = async () => {
    const files = await fileList();
    if (files) downloadText(`veo-chain-${record.id}.txt`, chainListText(files));
  };

  return (
    <section className="chain-panel" aria-label={t('frames.chain.label')}>
      {record.parentId && (
        <p className="chain-line">
          <ParentLine record={record} parent={parent} onOpen={(id) => void library.getState().select(id)} />
        </p>
      )}
      {children.length > 0 && (
        <div className="chain-line">
          <p>{t('frames.chain.continuedIn', { count: children.length })}</p>
          <ul className="chain-children" aria-label={t('frames.chain.continuations')}>
            {children.map((child) => (
              <li key={child.id}>
                <button type="button" className="link-button" data-user-text="" onClick={() => void library.getState().select(child.id)}>
                  {excerpt(child.params.prompt, 60)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="detail-actions">
        <button type="button" className="btn btn-ghost" onClick={() => void copyList()}>
          <CopyIcon size={14} aria-hidden="true" />
          {t('frames.chain.copyList')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => void downloadList()}>
          <DownloadIcon size={14} aria-hidden="true" />
          {t('frames.chain.downloadList')}
        </button>
      </div>
    </section>
  );
}

/** Where this job came from: the final of a draft, or a continuation — of a job that may be gone. */
export function ParentLine({ record, parent, onOpen }: { record: JobRecord; parent: JobRecord | undefined; onOpen: (id: string) => void }) {
  if (!parent) return <Say id="frames.chain.continuedFromMissing" values={{ missing: (words) => <span className="chain-missing">{words}</span> }} />;
  const link = (
    <button type="button" className="link-button" data-user-text="" onClick={() => onOpen(parent.id)}>
      {excerpt(parent.params.prompt, 60)}
    </button>
  );
  // The one rule of what a final is (a continuation on the final model starts from a frame, not the picture).
  return isFinalOf(parent, record) ? (
    <Say id="frames.chain.finalOf" values={{ model: MODELS[parent.params.model].label, parent: link }} />
  ) : (
    <Say id="frames.chain.continuedFrom" values={{ parent: link }} />
  );
}

/** One absolute path per line, in chain order: what a video editor's "import list" wants. */
export function chainListText(files: readonly ChainFile[]): string {
  return files.map((f) => f.videoPath).join('\n') + (files.length ? '\n' : '');
}

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
