import { describeKnownAnswerVectors } from '../helpers/known-answer-suite.js';

describeKnownAnswerVectors('Known-answer vectors from passlib and libpass (default backends)');
