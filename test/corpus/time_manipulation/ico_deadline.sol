pragma solidity 0.5.17;

contract Ico {
    uint public deadline = now + 1 days;
    mapping(address => uint) public tokens;

    function buy() public payable { // @vulnerable: denial_of_service
        require(now <= deadline); // @vulnerable: time_manipulation
        tokens[msg.sender] += msg.value;
    }
}
