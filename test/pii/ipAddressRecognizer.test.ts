// Public IPv4 and IPv6 addresses are found; private, loopback and resolver addresses, ports, versions and clocks are not.
import type { RecognitionContext } from '../../src/pii/recognizer';
import { ipAddressRecognizer } from '../../src/pii/recognizers/ipAddressRecognizer';

// The recognizer reads the text only.
const context = {} as RecognitionContext;
const found = (text: string) => ipAddressRecognizer.recognize(text, context).map((s) => text.slice(s.start, s.end));

describe('an IP address', () => {
  it('of a connection is found, IPv4 and IPv6 in full or compressed form', () => {
    const text = 'My public IP is 82.64.12.7, ip=2a01:cb00:cd73:b7c1::8cad and from 2001:0db8:85a3:0000:0000:8a2e:0370:7334';
    expect(found(text)).toEqual(['82.64.12.7', '2a01:cb00:cd73:b7c1::8cad', '2001:0db8:85a3:0000:0000:8a2e:0370:7334']);
  });

  it('keeps the port outside the span', () => {
    expect(found('retry 1/3 from 174.158.106.157:29435')).toEqual(['174.158.106.157']);
  });

  it('is not reported for private, loopback, link-local or public resolver addresses', () => {
    const text = 'router 192.168.1.1, box 10.0.7.20, 172.16.4.248, 127.0.0.1, ::1, fe80::1c2b:3aff:fe4e:5c6d, fd12:3456:789a::1, DNS 8.8.8.8, 1.1.1.1, 9.9.9.9';
    expect(found(text)).toEqual([]);
  });

  it('is not a four-part version number, even one that could be an address', () => {
    const text = [
      'Since the 6.24.1.209 update sync fails.',
      'Version 5.17.6.2 sous iOS 17.2.',
      'start (app 3.13.4.202, iPadOS 16.0)',
      'tested on 3.8.8 (build 4129) and 3.3.5.234.',
      "Count me in for the 6.16.4.160 beta!",
      'Windows 11 (10.0.22621.2784), firmware 4.38.21908',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it('is not a clock, a MAC address or a version with fewer parts', () => {
    expect(found('[06/08 20:56:02.296] WARN at 12:30, MAC 00:1A:2B:3C:4D:5E, app 4.2.1, v5.3')).toEqual([]);
  });
});
