/**
 * People's names for the sandbox directory: plausible, ASCII (so emails need
 * no transliteration) and unique, because supervisors search agents by name.
 */
import type { Rng } from '../random';

const firstNames = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Karen',
  'Daniel',
  'Lisa',
  'Matthew',
  'Nancy',
  'Anthony',
  'Betty',
  'Mark',
  'Sandra',
  'Donald',
  'Ashley',
  'Steven',
  'Kimberly',
  'Andrew',
  'Emily',
  'Joshua',
  'Donna',
  'Kevin',
  'Michelle',
  'Brian',
  'Carol',
  'Luis',
  'Amanda',
  'Jose',
  'Melissa',
  'Juan',
  'Deborah',
  'Ryan',
  'Stephanie',
  'Jacob',
  'Rebecca',
  'Gary',
  'Sharon',
  'Nicholas',
  'Laura',
  'Eric',
  'Cynthia',
  'Jonathan',
  'Dorothy',
  'Tyrone',
  'Amy',
  'Wei',
  'Priya',
  'Ahmed',
  'Fatima',
  'Hiroshi',
  'Mei',
  'Raj',
  'Aisha',
  'Dmitri',
  'Olga',
  'Kwame',
  'Ngozi',
  'Mateo',
  'Sofia',
  'Diego',
  'Camila',
  'Andre',
  'Keisha',
  'Tran',
  'Linh',
];

const lastNames = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Kowalski',
  'Novak',
  'Patel',
  'Shah',
  'Kim',
  'Park',
  'Chen',
  'Wang',
  'Okafor',
  'Mensah',
  'Ivanova',
  'Petrov',
  'Tanaka',
  'Sato',
  'Haddad',
  'Khan',
  'Brennan',
  'Murphy',
  'Sullivan',
  'Kelly',
];

const initials = 'ABCDEFGHIJKLMNOPRSTVW';

export interface Person {
  name: string;
  email: string;
}

/** Hands out unique names; ties get a middle initial, as a real directory would show. */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly emailDomain: string) {}

  next(rng: Rng): Person {
    for (;;) {
      const first = rng.pick(firstNames);
      const last = rng.pick(lastNames);
      const plain = this.take(first, '', last);
      if (plain) return plain;
      const from = rng.int(0, initials.length - 1);
      for (let k = 0; k < initials.length; k++) {
        const person = this.take(first, initials[(from + k) % initials.length] ?? 'A', last);
        if (person) return person;
      }
    }
  }

  private take(first: string, initial: string, last: string): Person | undefined {
    const name = initial ? `${first} ${initial}. ${last}` : `${first} ${last}`;
    if (this.used.has(name)) return undefined;
    this.used.add(name);
    const local = [first, initial, last].filter(Boolean).join('.').toLowerCase();
    return { name, email: `${local}@${this.emailDomain}` };
  }
}
