// React binding for the portable-library store (kept beside its only users).
import { useStore } from 'zustand';
import type { PortableState } from '../../stores/portable-store';
import { useStores } from '../../stores/hooks';

export const usePortable = <T>(selector: (s: PortableState) => T): T => useStore(useStores().portable, selector);
