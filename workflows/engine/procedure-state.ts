import { condition, workflowInfo } from '@temporalio/workflow';
import type { NextStep } from './contract';

/**
 * The procedure's position as the workflow itself knows it. A completion's update answers once
 * the workflow has moved to its next wait point, so the caller sees the next task in one request.
 */
class ProcedureState {
  type = '';
  currentStep: string | null = null;
  /** The step's key as recorded (step-map.ts recordedStep): the console names it in its language. */
  currentStepKey: string | null = null;
  steps: string[] = [];
  finished = false;
  private waitPoints = 0;

  reachedWaitPoint(step: string, key: string): void {
    this.currentStep = step;
    this.currentStepKey = key;
    this.steps.push(step);
    this.waitPoints += 1;
  }

  finish(step: string): void {
    this.currentStep = step;
    this.currentStepKey = null;
    this.steps.push(step);
    this.finished = true;
  }

  async nextWaitPoint(orWhen: () => boolean = () => false): Promise<void> {
    const seen = this.waitPoints;
    await condition(() => this.waitPoints > seen || this.finished || orWhen());
  }

  nextStep(openTasks: NextStep['openTasks']): NextStep {
    return { procedureId: workflowInfo().workflowId, type: this.type, finished: this.finished, currentStep: this.currentStep, currentStepKey: this.currentStepKey, openTasks };
  }
}

export const procedure = new ProcedureState();
