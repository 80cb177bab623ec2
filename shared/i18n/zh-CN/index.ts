// 简体中文: one file per English namespace, each typed to have exactly its keys.
import type { Translation } from '../catalog-types';
import type { en } from '../en';
import { common } from './common';
import { shell } from './shell';
import { onboarding } from './onboarding';
import { create } from './create';
import { jobs } from './jobs';
import { library } from './library';
import { compare } from './compare';
import { frames } from './frames';
import { settings } from './settings';
import { errors } from './errors';
import { api } from './api';
import { app } from './app';
import { desktop } from './desktop';

export const zhCN: Translation<typeof en> = {
  ...common,
  ...shell,
  ...onboarding,
  ...create,
  ...jobs,
  ...library,
  ...compare,
  ...frames,
  ...settings,
  ...errors,
  ...api,
  ...app,
  ...desktop,
};
