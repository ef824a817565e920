// Server-rendered pages (templates/pages/*.eta), escaped by default, with the locale's strings as t() and dates
// written out in the locale's words as date() and dateTime().
import { Eta } from 'eta';
import express, { type RequestHandler } from 'express';
import path from 'node:path';
import { templatesDir } from '../paths';
import { hasTranslation, translate } from '../mail/i18n';
import type { Locale } from '../mail/mailTemplates';

export interface Pages {
  render(page: string, locale: Locale, data: Record<string, unknown>): string;
}

/** The settings a page may state to the requester, so that it never promises what the configuration does not. */
export interface PageSettings {
  verifyLinkHours: number;
  reviewDeadlineDays: number;
}

/** 'March 3, 2026' / '3 mars 2026'. In UTC: the server cannot know the reader's time zone, and a page must not change with the server's. */
export function formatDate(locale: Locale, value: Date | string): string {
  return new Date(value).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** 'Mar 3, 2026, 2:05 PM UTC': for lists where several things happen on one day. */
export function formatDateTime(locale: Locale, value: Date | string): string {
  return `${new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

export function createPages(settings: PageSettings, dir = path.join(templatesDir, 'pages')): Pages {
  const eta = new Eta({ views: dir, autoEscape: true, cache: true });
  return {
    render(page, locale, data) {
      const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
      const has = (key: string) => hasTranslation(locale, key);
      const date = (value: Date | string) => formatDate(locale, value);
      const dateTime = (value: Date | string) => formatDateTime(locale, value);
      return eta.render(page, { ...data, locale, t, has, date, dateTime, settings });
    },
  };
}

/** The pages' stylesheet and anything else they load, served from templates/pages/assets at /assets. */
export function pageAssets(): RequestHandler {
  return express.static(path.join(templatesDir, 'pages', 'assets'), { index: false });
}
