// React binding for the compare store (a slice with a selector, like the other store hooks).
import { useStore } from 'zustand';
import type { CompareState } from '../../stores/compare-store';
import { useStores } from '../../stores/hooks';

export const useCompare = <T>(selector: (s: CompareState) => T): T => useStore(useStores().compare, selector);
