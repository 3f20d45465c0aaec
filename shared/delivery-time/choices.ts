// Which of the operator's choices applies to a row that cannot be scheduled as planned: one lookup,
// so that the preview, the command line and the rows main stores read the same choice for a group.
import type { GroupChoice, ProblemChoices, RowProblem } from './types';

export function choiceFor(problem: RowProblem, choices: ProblemChoices): GroupChoice {
  if (problem === 'unparseable') return choices.unparseable;
  if (problem === 'past') return choices.past;
  return choices.tooFar;
}
