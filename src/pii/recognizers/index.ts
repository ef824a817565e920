// Every recognizer the detector runs. A new kind of PII is a new file here and one line in this list.
import type { Recognizer } from '../recognizer';
import { emailRecognizer } from './emailRecognizer';
import { obfuscatedEmailRecognizer } from './obfuscatedEmailRecognizer';
import { phoneRecognizer } from './phoneRecognizer';
import { requesterNameRecognizer } from './requesterNameRecognizer';
import { requesterUsernameRecognizer } from './requesterUsernameRecognizer';

export const recognizers: readonly Recognizer[] = [
  requesterNameRecognizer,
  requesterUsernameRecognizer,
  emailRecognizer,
  obfuscatedEmailRecognizer,
  phoneRecognizer,
];
