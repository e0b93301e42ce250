import { signMatrix } from './sign-matrix.js';

signMatrix('property-use');
