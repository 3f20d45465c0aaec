import { describe, expect, it } from 'vitest';
import { settings as savedSettings } from '../../testing/results';
import { apiUrlProblem, draftOf, draftProblems, rateProblem, updateOf } from './settings-form';

const settings = savedSettings();

describe('settings form', () => {
  it('accepts the saved settings as they are', () => {
    expect(draftProblems(draftOf(settings))).toEqual({});
    expect(updateOf(draftOf(settings))).toEqual({
      defaultSender: 'Salon',
      defaultCountry: 'EE',
      defaultRate: 20,
      defaultAutoconvert: 'on',
      apiUrl: 'https://api.messente.com/v1',
      maxSegments: 10,
    });
  });

  it('names every problem', () => {
    const problems = draftProblems({
      ...draftOf(settings),
      defaultSender: 'My Salon!',
      defaultRate: '0',
      apiUrl: 'ftp://x',
    });
    expect(problems.defaultSender).toMatch(/letters A–Z/);
    expect(problems.defaultRate).toMatch(/between 1 and 150/);
    expect(problems.apiUrl).toMatch(/https:\/\//);
  });

  it('checks rates and addresses', () => {
    expect(rateProblem('')).toMatch(/Enter a number/);
    expect(rateProblem('151')).not.toBeNull();
    expect(rateProblem('150')).toBeNull();
    expect(rateProblem('2.5')).toBeNull();
    expect(apiUrlProblem('http://127.0.0.1:4010/v1')).toBeNull();
    expect(apiUrlProblem('not a url')).not.toBeNull();
    expect(apiUrlProblem('http://api.messente.com/v1')).toMatch(/travel unencrypted/);
    expect(apiUrlProblem('https://u:p@api.messente.com/v1')).toMatch(/Leave the user name and password out/);
  });
});
