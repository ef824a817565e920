// Domain errors carry a stable code and an HTTP status; http/problemDetails.ts turns them into responses.
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(fields: FieldError[], message = 'the request is not valid: see errors for each field') {
    super('validation_failed', 400, message, fields);
  }
}

export class RequestNotFound extends DomainError {
  constructor() {
    super('request_not_found', 404, 'no such request');
  }
}

export class InvalidTransition extends DomainError {
  constructor(message: string) {
    super('invalid_transition', 409, message);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'send a valid API token as "Authorization: Bearer <token>"') {
    super('unauthorized', 401, message);
  }
}

export class LinkRefused extends DomainError {
  constructor(why: 'expired' | 'invalid') {
    super(
      why === 'expired' ? 'link_expired' : 'link_invalid',
      why === 'expired' ? 410 : 403,
      why === 'expired' ? 'this link has expired: use the newest link we emailed you' : 'this link is not valid for this request',
    );
  }
}

export class TooManyRequests extends DomainError {
  /** retryAfterSeconds: when to try again, sent as Retry-After. */
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', 429, message);
  }
}
