/**
 * `registration`: 失业登记 — consent, the form as a draft, submit with 包保 assignment, the
 * citizen's own data rights, the caseworker's and supervisor's work on registrations, and the
 * daily refresh of key-group tags (timer trigger in config.json).
 */
import { createFunction } from '../_lib';

import { changeStatus, getPerson, listMine, revealIdNumber, verify } from './handlers/caseworker';
import { getConsent, giveConsent, withdrawConsent } from './handlers/consent';
import { correct } from './handlers/correct';
import { getMine, saveDraft } from './handlers/draft';
import { exportMine, history, requestCancellation } from './handlers/mine';
import { submit } from './handlers/submit';
import { assign, caseworkers, unassigned } from './handlers/supervisor';
import { refreshTags } from './timer';

export const main = createFunction(
  'registration',
  {
    getConsent,
    giveConsent,
    withdrawConsent,
    saveDraft,
    getMine,
    submit,
    correct,
    history,
    exportMine,
    requestCancellation,
    listMine,
    getPerson,
    revealIdNumber,
    verify,
    changeStatus,
    unassigned,
    caseworkers,
    assign,
  },
  { onTimer: (_event, { db, now }) => refreshTags(db, now) },
);
