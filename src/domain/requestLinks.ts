// The links we send a requester: the verification link (short-lived) and the status link (long-lived).
import type { SignedLinks } from '../http/signedLinks';

export interface LinkSettings {
  publicUrl: string;
  verifyLinkHours: number;
}

const statusLinkDays = 180;

export function verifyUrl(links: SignedLinks, settings: LinkSettings, requestId: string, createdAt: Date): string {
  const expires = new Date(createdAt.getTime() + settings.verifyLinkHours * 3600_000);
  return `${settings.publicUrl}/verify/${requestId}?t=${links.token(requestId, 'verify', expires)}`;
}

export function statusUrl(links: SignedLinks, settings: LinkSettings, requestId: string, now: Date): string {
  const expires = new Date(now.getTime() + statusLinkDays * 24 * 3600_000);
  return `${settings.publicUrl}/status/${requestId}?t=${links.token(requestId, 'status', expires)}`;
}
