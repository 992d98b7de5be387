pragma solidity 0.4.24;

contract Counter {
    uint256 public count = 1;

    function run(uint256 input) public {
        count -= input; // @vulnerable: arithmetic
    }
}
