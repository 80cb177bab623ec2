// The English catalog: one namespace per file, merged. The source every translation follows.
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

export const en = {
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
} as const;
