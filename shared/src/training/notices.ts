/**
 * "培训课程变更通知" (trainingChange), to the people booked on or waiting for a course when it is
 * cancelled or its time or place changes: 课程名称 thing1, 变更类型 phrase2, 开课时间 time3,
 * 说明 thing4 — change here if the deployment's template has other keys.
 */
import { phraseValue, thingValue, timeValue, type TemplateData } from '../config/templates';
import type { DateInput } from '../time';

export interface TrainingChangeMessage {
  courseTitle: string;
  /** '课程取消' or '课程变更' (a phrase: at most 5 Chinese characters). */
  change: string;
  startsAt: DateInput;
  note: string;
}

export function trainingChangeData(message: TrainingChangeMessage): TemplateData {
  return {
    thing1: { value: thingValue(message.courseTitle) },
    phrase2: { value: phraseValue(message.change) },
    time3: { value: timeValue(message.startsAt) },
    thing4: { value: thingValue(message.note) },
  };
}
