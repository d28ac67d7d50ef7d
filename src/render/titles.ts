import type { Area } from '../terms/schema.js';

export const AREA_TITLES: Record<Area, string> = {
  'earth-observation': 'Earth Observation',
  communications: 'Satellite Communications',
  navigation: 'Satellite Navigation',
  'space-science': 'Space Science',
  'launch-services': 'Launch Services',
  'in-orbit-delivery': 'In-Orbit Delivery',
  'ground-stations': 'Ground Stations',
  'human-spaceflight': 'Human Spaceflight',
  'lunar-exploration': 'Lunar Exploration',
  'mars-exploration': 'Mars Exploration',
  'space-debris': 'Space Debris',
  'training-and-education': 'Training and Education',
};

/** How the drafting notes name each topic with a choice. */
export const TOPIC_TITLES: Record<string, string> = {
  jurisdiction: 'Registration, jurisdiction and control',
  ip: 'Intellectual property',
  liability: 'Liability and compensation',
  disputes: 'Settlement of disputes',
  funding: 'Funding',
  arrangements: 'Implementing arrangements',
  final: 'Entry into force',
};
