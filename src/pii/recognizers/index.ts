// Every recognizer the detector runs. A new kind of PII is a new file here and one line in this list.
import type { Recognizer } from '../recognizer';
import { birthDateRecognizer } from './birthDateRecognizer';
import { emailRecognizer } from './emailRecognizer';
import { frenchNirRecognizer } from './frenchNirRecognizer';
import { ibanRecognizer } from './ibanRecognizer';
import { ipAddressRecognizer } from './ipAddressRecognizer';
import { obfuscatedEmailRecognizer } from './obfuscatedEmailRecognizer';
import { paymentCardRecognizer } from './paymentCardRecognizer';
import { phoneRecognizer } from './phoneRecognizer';
import { personNameRecognizer } from './personNameRecognizer';
import { postalAddressRecognizer } from './postalAddressRecognizer';
import { profileUrlRecognizer } from './profileUrlRecognizer';
import { requesterAddressRecognizer } from './requesterAddressRecognizer';
import { requesterNameRecognizer } from './requesterNameRecognizer';
import { requesterUsernameRecognizer } from './requesterUsernameRecognizer';
import { ukNinoRecognizer } from './ukNinoRecognizer';
import { usernameRecognizer } from './usernameRecognizer';
import { usSsnRecognizer } from './usSsnRecognizer';

export const recognizers: readonly Recognizer[] = [
  requesterNameRecognizer,
  requesterUsernameRecognizer,
  emailRecognizer,
  obfuscatedEmailRecognizer,
  phoneRecognizer,
  ipAddressRecognizer,
  paymentCardRecognizer,
  ibanRecognizer,
  frenchNirRecognizer,
  usSsnRecognizer,
  ukNinoRecognizer,
  birthDateRecognizer,
  profileUrlRecognizer,
  usernameRecognizer,
  postalAddressRecognizer,
  personNameRecognizer,
  requesterAddressRecognizer,
];
