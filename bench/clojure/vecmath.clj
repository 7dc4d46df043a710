;; A particle on a spring, 1,000,000 Euler steps with 2-element vectors.
(defn v+ [[x1 y1] [x2 y2]] [(+ x1 x2) (+ y1 y2)])
(defn v- [[x1 y1] [x2 y2]] [(- x1 x2) (- y1 y2)])
(defn v* [[x y] n] [(* x n) (* y n)])
(defn dist [[x y]] (Math/sqrt (+ (* x x) (* y y))))

(defn step [[pos vel path]]
  (let [acc (v* pos -0.01)
        vel2 (v+ vel (v* acc 0.1))
        pos2 (v+ pos (v* vel2 0.1))]
    [pos2 vel2 (+ path (dist (v- pos2 pos)))]))

(defn simulate [n]
  (loop [k n state [[100.0 0.0] [0.0 5.0] 0.0]]
    (if (zero? k)
      state
      (recur (dec k) (step state)))))

(defn bench []
  (let [[[x y] _ path] (simulate 1000000)]
    (+ (Math/floor (* x 1000000)) (Math/floor (* y 1000000)) (Math/floor (* path 1000000)))))

(bench.support/run bench)
