// The Create screen: the picture (drop zone) and the prompt on the left, the video options and the
// Generate button in an inspector on the right. Drop anywhere on the screen, paste with ⌘/Ctrl+V,
// submit with ⌘/Ctrl+Enter.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { isModKey, isTypingTarget } from '../../components/keyboard';
import { takesLastFrame } from '../../../shared/models';
import { useApp, useCreate, useKeyReadiness, useStores } from '../../stores/hooks';
import { JobsPanelToggle } from '../jobs/JobsPanel';
import { DropZone } from './DropZone';
import { LastFrameDrop } from './LastFrameDrop';
import { imageUrlFromText, useImageIntake } from './image-intake';
import { OptionsPanel } from './OptionsPanel';
import { PromptEditor } from './PromptEditor';
import { useT } from '../../i18n/useT';

export function CreateView() {
  const { spendGuard, app } = useStores();
  const intake = useImageIntake();
  const keyReady = useKeyReadiness();
  const [dragOver, setDragOver] = useState(false);
  const dragDepth = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseRequest = useApp((s) => s.chooseImageRequest);
  const model = useCreate((s) => s.model);
  const t = useT();

  // Menu "Open image…" (or ⌘/Ctrl+O, usually pressed in another view) asks for the file chooser.
  useEffect(() => {
    if (app.getState().takeChooseImageRequest()) fileInput.current?.click();
  }, [app, chooseRequest]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && isModKey(e)) {
        e.preventDefault();
        void spendGuard.getState().requestGenerate(keyReady);
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      const data = e.clipboardData;
      if (!data) return;
      const files = [...data.files].filter((f) => f.type.startsWith('image/'));
      if (files.length > 0) {
        e.preventDefault();
        void intake.takeFiles(files);
        return;
      }
      // A pasted https link becomes the picture, unless the user is typing into a field.
      const url = imageUrlFromText(data.getData('text/plain'));
      if (url && !isTypingTarget(e.target)) {
        e.preventDefault();
        void intake.takeUrl(url);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [spendGuard, intake, keyReady]);

  const carriesDroppable = (e: DragEvent) => e.dataTransfer.types.includes('Files') || e.dataTransfer.types.includes('text/uri-list');

  return (
    <div
      className="create-view"
      onDragEnter={(e) => {
        if (!carriesDroppable(e)) return;
        e.preventDefault();
        dragDepth.current++;
        setDragOver(true);
      }}
      onDragOver={(e) => {
        if (!carriesDroppable(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        dragDepth.current = 0;
        setDragOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length > 0) void intake.takeFiles(files);
        else {
          const url = imageUrlFromText(e.dataTransfer.getData('text/uri-list') || e.dataTransfer.getData('text/plain'));
          if (url) void intake.takeUrl(url);
        }
      }}
    >
      <header className="view-header">
        <div>
          <h1 className="view-title">{t('create.view.title')}</h1>
          <p className="view-subtitle">{t('create.view.subtitle')}</p>
        </div>
        <div className="view-header-actions">
          <JobsPanelToggle />
        </div>
      </header>
      <div className="create-body">
        <div className="create-canvas">
          <DropZone dragOver={dragOver} fileInput={fileInput} intake={intake} />
          {takesLastFrame(model) && <LastFrameDrop />}
          <PromptEditor />
        </div>
        <OptionsPanel />
      </div>
    </div>
  );
}
