import { describe, expect, it } from 'vitest';
import { settings as savedSettings } from '../../testing/results';
import { apiUrlProblem, draftOf, draftProblems, rateProblem, updateOf } from './settings-form';

const settings = savedSettings();

describe('settings form', () => {
  it('accepts the saved settings as they are', () => {
    expect(draftProblems(draftOf(settings))).toEqual({});
    // Everything but test mode, which has its own switch and is not part of the form.
    const { testMode: _testMode, ...formFields } = settings;
    expect(updateOf(draftOf(settings))).toEqual(formFields);
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
