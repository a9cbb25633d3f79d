import { condition, workflowInfo } from '@temporalio/workflow';
import type { NextStep } from './contract';

/**
 * The procedure's position as the workflow itself knows it. A completion's update answers once
 * the workflow has moved to its next wait point, so the caller sees the next task in one request.
 */
class ProcedureState {
  type = '';
  currentStep: string | null = null;
  steps: string[] = [];
  finished = false;
  private waitPoints = 0;

  reachedWaitPoint(step: string): void {
    this.currentStep = step;
    this.steps.push(step);
    this.waitPoints += 1;
  }

  finish(step: string): void {
    this.currentStep = step;
    this.steps.push(step);
    this.finished = true;
  }

  async nextWaitPoint(orWhen: () => boolean = () => false): Promise<void> {
    const seen = this.waitPoints;
    await condition(() => this.waitPoints > seen || this.finished || orWhen());
  }

  nextStep(openTasks: NextStep['openTasks']): NextStep {
    return { procedureId: workflowInfo().workflowId, finished: this.finished, currentStep: this.currentStep, openTasks };
  }
}

export const procedure = new ProcedureState();
