/**
 * One course as a seeker sees it in a list: what it teaches, what it costs, where and when, how
 * many seats are left, and — when it fits the person — why.
 */
import { Text, View } from '@tarojs/components';

import type { CourseCard as Course } from '@nuanxin/shared';

import { feeText, placeText, scheduleText, seatsText } from './model';

export function CourseCard({
  course,
  id,
  onOpen,
}: {
  course: Course;
  id: string;
  onOpen: (id: string) => void;
}) {
  const full = course.seatsLeft === 0;
  return (
    <View className="course-card" id={id} onClick={() => onOpen(course.id)}>
      <View className="course-card__head">
        <Text className="course-card__title">{course.title}</Text>
        <Text className={`course-card__fee course-card__fee--${course.funding}`}>
          {course.funding === 'paid' ? `${course.fee}元` : course.fundingLabel}
        </Text>
      </View>
      <Text className="course-card__institution">{course.institutionName}</Text>
      <Text className="course-card__line">{scheduleText(course)}</Text>
      <Text className="course-card__line">{placeText(course)}</Text>
      <View className="course-card__facts">
        <Text className="course-card__fact">{course.modeLabel}</Text>
        <Text className="course-card__fact">{course.occupationName}</Text>
        <Text className="course-card__fact">{course.levelLabel}</Text>
        {course.funding === 'subsidised' ? (
          <Text className="course-card__fact">{feeText(course)}</Text>
        ) : null}
      </View>
      <Text className={`course-card__seats${full ? ' course-card__seats--full' : ''}`}>
        {seatsText(course)}
      </Text>
      {course.reasons.length > 0 ? (
        <View className="course-card__reasons">
          {course.reasons.map((reason) => (
            <Text key={reason} className="course-card__reason">
              {reason}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
