pragma solidity 0.4.24;

contract TimeLock {
    mapping(address => uint) public balances;
    mapping(address => uint) public lockTime;

    function deposit() public payable { // @vulnerable: denial_of_service
        balances[msg.sender] += msg.value; // @vulnerable: arithmetic
        lockTime[msg.sender] = now + 1 weeks;
    }

    function increaseLockTime(uint secondsToIncrease) public {
        lockTime[msg.sender] += secondsToIncrease; // @vulnerable: arithmetic
    }
}
